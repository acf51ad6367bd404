export * from './environment';
export * from './result';
export * from './simulator';
