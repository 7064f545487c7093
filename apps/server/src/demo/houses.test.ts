import { describe, expect, it } from 'vitest';
import { loadDivisions } from './divisions.ts';
import { generateHouses } from './houses.ts';
import { generateHouseholds } from './persons.ts';

describe('generateHouses', () => {
  const houses = [...generateHouses('test-city', 3000)];

  it('gives each household’s dwelling to its head, once per unit', () => {
    const heads = new Map<string, string>();
    for (const h of generateHouseholds('test-city')) {
      heads.set(h.members[0]?.id_number as string, h.address.text);
      if (heads.size >= 3100) break;
    }
    expect(houses).toHaveLength(3000);
    expect(new Set(houses.map((h) => h.unit_id)).size).toBe(houses.length);
    expect(new Set(houses.map((h) => h.certificate_number)).size).toBe(houses.length);
    const { byCommunityCode } = loadDivisions();
    for (const h of houses) {
      expect(heads.get(h.owner_id_number)).toBe(h.address);
      expect(byCommunityCode.get(h.community_code)?.name).toBe(h.community);
      expect(h.certificate_number).toMatch(/^浙\(20(1[6-9]|2\d)\)杭州市不动产权第\d{7}号$/);
      expect(h.floor_area_m2).toBeGreaterThan(0);
      expect(Number(h.registered_on.slice(0, 4))).toBeGreaterThan(h.built_year);
      if (h.usage === '住宅') expect(h.address).toMatch(/\d+幢\d单元\d+室$/);
    }
  });
});
