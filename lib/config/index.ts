export * from './config';
export * from './parseConfig';
