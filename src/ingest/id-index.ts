/**
 * Id index: the person-id hash table lives in the model layer (the builder and the graph hold one);
 * re-exported here for the readers.
 */
export { IdIndex } from '../model/id-index.js';
