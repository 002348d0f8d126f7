import path from 'node:path';
import ts from 'typescript';

/**
 * Production (`npm run build`, run by `npm start`) serves no source maps: the server's build
 * (tsconfig.build.json → dist/) writes no .js.map and no sourceMappingURL. The board's bundles are
 * checked in pages.test.ts (buildTab) and over HTTP in tests/integration/boardOrigin.test.ts.
 */
const ROOT = path.resolve(__dirname, '../..');

function buildConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  return parsed;
}

describe('the production build', () => {
  it('asks for no source map of any kind', () => {
    const { options } = buildConfig();
    expect(options.sourceMap).toBeFalsy();
    expect(options.inlineSourceMap).toBeFalsy();
    expect(options.inlineSources).toBeFalsy();
    expect(options.declarationMap).toBeFalsy();
  });

  it('emits the server without a sourceMappingURL nor a map (the options are the same for every file)', () => {
    const { options, fileNames } = buildConfig();
    const sources = fileNames.filter((f) => /src[\\/](server|lifecycle|config)\.ts$/.test(f));
    expect(sources).toHaveLength(3);
    for (const file of sources) {
      const out = ts.transpileModule(ts.sys.readFile(file)!, { compilerOptions: options, fileName: file });
      expect({ file, map: out.sourceMapText }).toEqual({ file, map: undefined });
      expect({ file, url: out.outputText.includes('sourceMappingURL') }).toEqual({ file, url: false });
    }
  });
});
