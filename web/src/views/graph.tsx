import { useEffect, useState } from 'react';
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { EnvironmentSelect, useEnvironmentChoice } from '../components/environment-choice.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { href } from '../router.ts';
import type { Graph } from '../types.ts';
import { useApi } from '../use-api.ts';
import { DeliveryPanel } from './delivery-panel.tsx';

interface Placed {
  width: number;
  height: number;
  nodes: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  edges: Array<{ id: string; points: Array<{ x: number; y: number }> }>;
}

const NODE_WIDTH = 150;
const NODE_HEIGHT = 44;
// Status is told by colour and by line style, so it survives every colour-vision deficiency.
const EDGE_STYLE = {
  compatible: { stroke: 'var(--ok)', dash: undefined },
  breaking: { stroke: 'var(--bad)', dash: '8 4' },
  unknown: { stroke: 'var(--unknown)', dash: '2 4' },
} as const;

/** Services and the interfaces between them, laid out by ELK, coloured by compatibility. */
export default function GraphView({ query }: { query: URLSearchParams }) {
  const choice = useEnvironmentChoice(query);
  const { environment } = choice;
  const graph = useApi<Graph>(environment ? `/v1/environments/${encodeURIComponent(environment)}/graph` : undefined);
  const [placed, setPlaced] = useState<Placed | undefined>();

  useEffect(() => {
    if (!graph.data) return;
    let live = true;
    const elk = new ELK();
    const input: ElkNode = {
      id: 'root',
      layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '30', 'elk.layered.spacing.nodeNodeBetweenLayers': '70' },
      children: graph.data.services.map((s) => ({ id: s.service, width: NODE_WIDTH, height: NODE_HEIGHT })),
      edges: graph.data.links.map((l, i) => ({ id: `e${i}`, sources: [l.consumer], targets: [l.provider] })),
    };
    void elk.layout(input).then((result: ElkNode) => {
      if (!live) return;
      setPlaced({
        width: result.width ?? 0,
        height: result.height ?? 0,
        nodes: (result.children ?? []).map((n) => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? NODE_WIDTH, height: n.height ?? NODE_HEIGHT })),
        edges: (result.edges ?? []).map((e) => {
          const section = e.sections?.[0];
          return { id: e.id, points: section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [] };
        }),
      });
    });
    return () => {
      live = false;
    };
  }, [graph.data]);

  const data = graph.data;
  const inCycle = new Set(data?.cycles.flat() ?? []);
  const chainEdges = new Set<string>();
  for (const chain of data?.syncChains ?? []) for (let i = 0; i + 1 < chain.length; i++) chainEdges.add(`${chain[i]}>${chain[i + 1]}`);
  const versions = new Map(data?.services.map((s) => [s.service, s.versions]) ?? []);

  return (
    <section aria-labelledby="graph-title">
      <h2 id="graph-title">Graph</h2>
      <div className="toolbar">
        <EnvironmentSelect choice={choice} />
        <span className="muted">
          Lines: <span style={{ color: 'var(--ok)' }}>── compatible</span> · <span style={{ color: 'var(--bad)' }}>- - breaking</span> ·{' '}
          <span style={{ color: 'var(--unknown)' }}>··· unknown</span> · thick: synchronous chain of 3+ · purple outline: cycle
        </span>
      </div>
      <ErrorBox error={graph.error} />
      {placed && data ? (
        <svg
          viewBox={`-10 -10 ${placed.width + 20} ${placed.height + 20}`}
          width={placed.width + 20}
          style={{ maxWidth: '100%', maxHeight: '65vh', height: 'auto' }} role="img" aria-label={`Dependency graph of ${environment}`}>
          <defs>
            {Object.entries(EDGE_STYLE).map(([status, style]) => (
              <marker key={status} id={`arrow-${status}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill={style.stroke} />
              </marker>
            ))}
          </defs>
          {placed.edges.map((edge, i) => {
            const link = data.links[i]!;
            const style = EDGE_STYLE[link.status];
            return (
              <polyline
                key={edge.id}
                points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke={style.stroke}
                strokeDasharray={style.dash}
                strokeWidth={chainEdges.has(`${link.consumer}>${link.provider}`) ? 4 : 2}
                markerEnd={`url(#arrow-${link.status})`}
              >
                <title>
                  {link.consumer} → {link.provider} over {link.interface}: {link.status}
                  {link.problems.length ? `\n${link.problems.join('\n')}` : ''}
                </title>
              </polyline>
            );
          })}
          {placed.nodes.map((node) => (
            <a key={node.id} href={href('services', node.id)} aria-label={`${node.id}, live ${versions.get(node.id)?.join(', ')}`}>
              <rect
                x={node.x}
                y={node.y}
                width={node.width}
                height={node.height}
                rx={8}
                fill="var(--bg-soft)"
                stroke={inCycle.has(node.id) ? 'var(--purple)' : 'var(--line)'}
                strokeWidth={inCycle.has(node.id) ? 4 : 1.5}
              />
              <text x={node.x + 10} y={node.y + 18} fontSize={13} fontWeight={600}>
                {node.id}
              </text>
              <text x={node.x + 10} y={node.y + 35} fontSize={11} opacity={0.7}>
                {versions.get(node.id)?.join(', ')}
              </text>
            </a>
          ))}
        </svg>
      ) : data && data.services.length === 0 ? (
        <p className="muted">Nothing is live in {environment}.</p>
      ) : null}
      {data ? (
        <div className="grid2">
          <Hotspots title="Cycles (lock-step by design)" items={data.cycles.map((c) => c.join(' ⇄ '))} />
          <Hotspots title="Synchronous chains of three or more" items={data.syncChains.map((c) => c.join(' → '))} />
          <Hotspots title="Shared databases" items={data.sharedDatabases.map((d) => `${d.interface}: ${d.services.join(', ')}`)} />
          <Hotspots title="Unversioned contracts" items={data.unversionedContracts.map((u) => `${u.service} relies on ${u.interface} without a declared expectation`)} />
          <Hotspots title="Breaking links" items={data.links.filter((l) => l.status === 'breaking').flatMap((l) => l.problems)} />
        </div>
      ) : null}
      {environment ? <DeliveryPanel environment={environment} /> : null}
    </section>
  );
}

function Hotspots({ title, items }: { title: string; items: string[] }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">none</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
