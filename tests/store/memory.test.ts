import { MemoryStore } from '../../src/store';
import { describeStoreContract } from './contract';

describeStoreContract('MemoryStore', () => new MemoryStore());
