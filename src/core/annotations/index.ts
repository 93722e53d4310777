export * from './types';
export * from './anchoring';
export * from './sidecar';
export * from './annotations';
export * from './tags';
export * from './ids';
export * from './export';
