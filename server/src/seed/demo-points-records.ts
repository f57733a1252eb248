import type { DemoPointsContext } from './demo-points-context';

export async function seedDemoPointsRecords(_context: DemoPointsContext): Promise<void> {}
