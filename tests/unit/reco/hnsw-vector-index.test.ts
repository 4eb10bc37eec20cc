import { HnswVectorIndex } from '../../../adapters/stores/hnsw/hnsw-vector-index.ts';
import { vectorIndexContract } from '../../contract/vector-index.contract.ts';

vectorIndexContract('hnswlib', { create: async (dimensions) => new HnswVectorIndex({ dimensions, initialCapacity: 4 }) });
