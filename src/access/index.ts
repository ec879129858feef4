export * from './synthesized-stack';
