export * from './guard';
export * from './junit';
export * from './sarif';
export * from './text';
