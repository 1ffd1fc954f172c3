// Small drawing pieces: stacked bars, and the reputation chart.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { decayed } from '../format';

/** A stacked bar: each part `[value, class]` a share of `total`. */
export function Bar({ parts, total, title }: { parts: [number | bigint, string][]; total: number | bigint; title?: string }) {
  const whole = Number(total);
  return (
    <div class="bar-track" title={title}>
      {whole > 0 && parts.map(([value, kind]) => (
        <span class={`bar-part ${kind}`} style={{ width: `${(Number(value) / whole) * 100}%` }} />
      ))}
    </div>
  );
}

/**
 * Reputation over time: the stored score from the block it was last updated, halving every
 * `halfLife` blocks as the chain computes it, up to `now` and as far ahead again.
 */
export function ReputationChart({ score, updated, halfLife, now, threshold }: {
  score: bigint; updated: number; halfLife: number; now: number; threshold: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const span = Math.max(now - updated, halfLife, 1);
    const points = 48;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i <= points; i++) {
      const at = updated + Math.round((i * 2 * span) / points);
      xs.push(at);
      ys.push(decayed(score, at - updated, halfLife) / 1e6);
    }
    const plot = new uPlot({
      width: 260,
      height: 110,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: [{ size: 24, font: '10px sans-serif' }, { size: 34, font: '10px sans-serif' }],
      series: [
        {},
        { stroke: '#2f6f4f', width: 2, fill: 'rgba(47,111,79,0.12)' },
        { stroke: '#b04a3a', width: 1, dash: [4, 4] },
      ],
      hooks: {
        draw: [(u) => {
          const x = u.valToPos(now, 'x', true);
          u.ctx.save();
          u.ctx.strokeStyle = '#555';
          u.ctx.setLineDash([2, 3]);
          u.ctx.beginPath();
          u.ctx.moveTo(x, u.bbox.top);
          u.ctx.lineTo(x, u.bbox.top + u.bbox.height);
          u.ctx.stroke();
          u.ctx.restore();
        }],
      },
    }, [xs, ys, xs.map(() => threshold / 1e6)], box.current);
    return () => plot.destroy();
  }, [score, updated, halfLife, now, threshold]);
  return <div class="chart" ref={box} title="reputation points by block; dashed: membership threshold; dotted line: now" />;
}
