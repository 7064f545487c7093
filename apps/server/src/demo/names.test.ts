import { describe, expect, it } from 'vitest';
import { enterpriseName, personName, pickSurname, SURNAME_LIST } from './names.ts';
import { Random } from './random.ts';

describe('names', () => {
  it('draws surnames by frequency, compound ones rarely', () => {
    const rng = new Random('surnames');
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const s = pickSurname(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([s]) => s);
    expect(top.slice(0, 3).sort()).toEqual(['张', '李', '王'].sort());
    const compound = [...counts.entries()].filter(([s]) => s.length === 2).reduce((n, [, c]) => n + c, 0);
    expect(compound).toBeGreaterThan(0);
    expect(compound / 100_000).toBeLessThan(0.005);
    expect(SURNAME_LIST.length).toBeGreaterThanOrEqual(100);
  });

  it('builds names of two to four characters from gender and cohort pools', () => {
    const rng = new Random('names');
    for (let i = 0; i < 2000; i++) {
      const name = personName(rng, i % 2 ? '男' : '女', 1940 + (i % 85));
      expect(name.length).toBeGreaterThanOrEqual(2);
      expect(name.length).toBeLessThanOrEqual(4);
      expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(personName(rng, '女', 1950, '沈').startsWith('沈')).toBe(true);
  });

  it('names enterprises in 行政区划 + 字号 + 行业 + 组织形式 order', () => {
    const rng = new Random('firms');
    expect(enterpriseName(rng, '有限责任公司', '科技', '西湖区')).toMatch(
      /^(杭州\p{Script=Han}{2}科技|\p{Script=Han}{2}（杭州）科技)有限公司$/u,
    );
    expect(enterpriseName(rng, '股份有限公司', '电子', '滨江区')).toMatch(
      /^(杭州|浙江)\p{Script=Han}{2}电子股份有限公司$/u,
    );
    expect(enterpriseName(rng, '个体工商户', '面馆', '上城区')).toMatch(
      /^上城区\p{Script=Han}{2}面馆（个体工商户）$/u,
    );
    expect(enterpriseName(rng, '农民专业合作社', '茶叶', '淳安县')).toMatch(
      /^淳安县\p{Script=Han}{2}茶叶专业合作社$/u,
    );
  });
});
