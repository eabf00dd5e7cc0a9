export * from './config';
export * from './parseConfig';
export * from './rulesConfig';
export * from './parseRulesConfig';
