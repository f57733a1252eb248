import type { DemoPointsContext } from './demo-points-context';

export async function seedDemoPointsBoard(_context: DemoPointsContext): Promise<void> {}
