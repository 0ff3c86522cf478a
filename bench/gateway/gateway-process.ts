// Runs Stepwise's traffic gateway alone in its own process, splitting 90/10 between two backends.
import { TrafficGateway } from '../../src/rollout/targets/local/traffic-gateway.ts';

const [port, stablePort, canaryPort] = process.argv.slice(2).map(Number);
const gateway = new TrafficGateway({ service: 'bench', port: port! });
await gateway.listen();
gateway.setBackend('stable', stablePort!, true);
gateway.setBackend('canary', canaryPort!, true);
gateway.setWeights({ stable: 90, canary: 10 });
process.send?.('ready');
