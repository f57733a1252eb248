import type { DemoPointsContext } from './demo-points-context';

export async function seedDemoPointsShop(_context: DemoPointsContext): Promise<void> {}
