import { authorableCategories, mayAuthorNotice, mayManageNotice } from './notice-roles';

describe('notice roles', () => {
  it('党务 is the branch’s, 村务 and 财务 the 村委会’s; the 书记 writes all three', () => {
    expect(authorableCategories(['secretary'])).toEqual(['party', 'village', 'finance']);
    expect(authorableCategories(['branch_committee'])).toEqual(['party']);
    expect(authorableCategories(['village_committee'])).toEqual(['village', 'finance']);
    expect(authorableCategories(['villager', 'supervisor', 'grid_leader'])).toEqual([]);
  });

  it('nobody writes a system notice by hand; the committee manages them', () => {
    expect(mayAuthorNotice('resolution', ['secretary'])).toBe(false);
    expect(mayManageNotice('resolution', ['village_committee'])).toBe(true);
    expect(mayManageNotice('party', ['village_committee'])).toBe(false);
    expect(mayManageNotice('audit_checkpoint', ['supervisor'])).toBe(false);
  });
});
