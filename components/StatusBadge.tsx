import type { Status } from '../lib/relationships/status';

const TEXT: Record<Status, string> = { red: 'Overdue', amber: 'Due', green: 'On track' };
// A different shape for each status, so it reads without colour too.
const SHAPE: Record<Status, string> = { red: '▲', amber: '◆', green: '●' };

export interface StatusBadgeProps {
  status: Status;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span class={`status status-${status}`}>
      <span aria-hidden="true">{SHAPE[status]}</span> {TEXT[status]}
    </span>
  );
}
