export * from './customer-authentication';
export * from './start-endpoint';
