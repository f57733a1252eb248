import type { DemoPointsContext } from './demo-points-context';

export async function seedDemoPointsRules(_context: DemoPointsContext): Promise<void> {}
