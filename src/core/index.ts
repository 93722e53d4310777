export * from './analysis/types';
export { analyze } from './analysis/analyze';
