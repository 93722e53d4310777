/**
 * Corpus features of the sidebar: the entity registry, the tree models of one text, document dates and the workspace
 * index. Pure: strings and plain data in and out.
 */
export * from './registry';
export * from './trees';
export * from './documentDate';
export * from './corpusIndex';
