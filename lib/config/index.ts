export * from './config';
export * from './parseConfig';
export * from './rulesConfig';
export * from './parseRulesConfig';
export * from './historyConfig';
export * from './parseHistoryConfig';
export * from './exposureConfig';
export * from './parseExposureConfig';
