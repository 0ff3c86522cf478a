import { runStoreScenarios } from './support/run-store-scenarios.ts';

runStoreScenarios('sqlite');
