import { runRace } from './support/run-race.ts';

runRace('postgres');
