export * from './environment';
export * from './result';
export * from './simulator';
export * from './script';
export * from './coverage';
export * from './live';
