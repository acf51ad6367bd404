export * from './action';
export * from './checks';
export * from './definition';
export * from './actions/contact';
export * from './actions/logic';
export * from './actions/participant';
export * from './actions/raw';
export * from './actions/routing';
export { FlowArnReplacement } from './import/replacement';
