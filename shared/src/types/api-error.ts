/** The one error shape every API failure has. `message` is Chinese and says what to do next. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.correlationId === 'string';
}
