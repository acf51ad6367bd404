export * from './action';
export * from './definition';
export * from './actions/raw';
