import type { Content } from './schema';
import { PLAYLIST_URL } from './guide/build';
import { cafesMap, generalTips, virtual } from './guide/general';
import { videos } from './guide/videos';
import { crazyJobsActivity, madonnaActivity, placementActivity } from './guide/iceBreakers';
import { americanoActivities, americanoAvecSucre, americanoSansSucre } from './guide/americano';
import { ristrettoActivities, ristrettoAvecSucre, ristrettoSansSucre } from './guide/ristretto';
import { cappuccinoActivities, cappuccinoAvecSucre, cappuccinoSansSucre } from './guide/cappuccino';
import { mousseIaActivities, mousseIaAvecSucre, mousseIaSansSucre } from './guide/mousseIa';

/**
 * The DATAcculturation guide ("Sensibiliser à la donnée, à l'intelligence artificielle et animer un
 * café de la data ou de l'IA", septembre 2025) as data.
 *
 * Every text is the guide's, word for word (only obvious typos are fixed and the Markdown markup
 * is stripped); tests/content/word-for-word.test.ts checks it against the guide itself. The one
 * exception is said where it is: the one-line film summaries of the photo-langage cards, which
 * the guide asks the facilitator to give and which Barista writes.
 *
 * One small file per formula (src/content/guide/): Ristretto, Americano, Cappuccino, Cappuccino à
 * la mousse d'IA, each avec sucre and sans sucre, all runnable online as the "FORMULE CAFÉ
 * VIRTUEL" describes (its advice is `virtual`; the guide's virtual café is an adaptation of these
 * formulas, not a formula of its own). Activities are shared by id (the Madonna ice breaker, the
 * Cappuccino's big-data introduction, the closing texts…).
 */

export { PLAYLIST_URL };

export const guideFr: Content = {
  playlistUrl: PLAYLIST_URL,
  generalTips,
  virtual,
  cafesMap,
  videos,
  activities: [
    madonnaActivity,
    placementActivity,
    crazyJobsActivity,
    ...americanoActivities,
    ...ristrettoActivities,
    ...cappuccinoActivities,
    ...mousseIaActivities,
  ],
  formulas: [
    ristrettoAvecSucre, ristrettoSansSucre,
    americanoAvecSucre, americanoSansSucre,
    cappuccinoAvecSucre, cappuccinoSansSucre,
    mousseIaAvecSucre, mousseIaSansSucre,
  ],
};
