import type { Role } from '@village/shared';

/**
 * The people a newcomer can sign in as in the local demo (never in production). Each picks a seeded
 * resident by what they hold; `new` is a WeChat user who has not bound yet, to try the binding flow.
 */
export interface PersonaDefinition {
  key: string;
  label: string;
  description: string;
  /** Office the resident holds, or a roster fact. */
  pick: { office: Role } | { fact: 'household_rep' | 'villager' } | { fact: 'unbound' } | { fact: 'township_staff' };
}

export const DEMO_PERSONAS: PersonaDefinition[] = [
  { key: 'villager', label: '村民', description: '普通村民：看公开、看积分、附议提议', pick: { fact: 'villager' } },
  { key: 'household_rep', label: '户代表', description: '代表全家投票（一户一票）', pick: { fact: 'household_rep' } },
  { key: 'grid_leader', label: '网格员', description: '记录积分、上门告知', pick: { office: 'grid_leader' } },
  { key: 'secretary', label: '书记', description: '书记兼村委会主任（一肩挑），管理户籍和绑定码', pick: { office: 'secretary' } },
  { key: 'committee', label: '村委会委员', description: '发布公开、登记会议', pick: { office: 'village_committee' } },
  { key: 'supervisor', label: '监委会成员', description: '审核财务公开、查验审计记录', pick: { office: 'supervisor' } },
  { key: 'points_reviewer', label: '积分评议小组', description: '每月评议积分记录、处理复议', pick: { office: 'points_reviewer' } },
  { key: 'shopkeeper', label: '积分超市', description: '扫码交付兑换的商品', pick: { office: 'shopkeeper' } },
  { key: 'township', label: '乡镇干部', description: '查看全乡各村的公开、提议和监督情况（只读）', pick: { fact: 'township_staff' } },
  { key: 'new', label: '新用户', description: '还没绑定身份的微信用户，用来试绑定码', pick: { fact: 'unbound' } },
];
