import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Point } from '../../lib/manage/trends';

export interface ChartProps {
  title: string;
  points: readonly Point[];
  unit: string;
  bars?: boolean;
  /** "week" or "month" for the axis labels. */
  step: 'week' | 'month';
}

/** A small uPlot chart, with the same numbers as a table for screen readers. */
export function Chart({ title, points, unit, bars = false, step }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const color = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#0b57d0';
    const plot = new uPlot(
      {
        width: Math.min(el.clientWidth || 640, 900),
        height: 220,
        legend: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ stroke: '#888' }, { stroke: '#888', size: 40 }],
        series: [
          {},
          {
            label: title,
            stroke: color,
            fill: bars ? color : `${color}22`,
            width: 2,
            ...(bars ? { paths: uPlot.paths.bars?.({ size: [0.6, 40] }) } : {}),
          },
        ],
      },
      [points.map((p) => p.at / 1000), points.map((p) => p.value)],
      el,
    );
    return () => plot.destroy();
  }, [points, title, bars]);
  const label = (at: number) =>
    new Date(at).toLocaleDateString(
      undefined,
      step === 'week' ? { month: 'short', day: 'numeric' } : { month: 'long', year: 'numeric' },
    );
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      <table class="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.at}>
              <th scope="row">{label(p.at)}</th>
              <td>
                {p.value} {unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
