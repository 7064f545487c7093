/**
 * Counts kept while the city streams past, for the statistics datasets: bounded by the number of
 * communities, schools and district × enterprise type, never by the number of persons.
 */
export type CommunityCounts = {
  residents: number;
  registered: number;
  households: number;
  male: number;
  female: number;
  minors: number;
  working: number;
  elderly: number;
};

export type EnterpriseCounts = { active: number; closed: number; capital: number };

export class WorldStats {
  readonly communities = new Map<string, CommunityCounts>();
  readonly enrolment = new Map<string, number>();
  readonly enterprises = new Map<string, EnterpriseCounts>();

  community(code: string): CommunityCounts {
    let c = this.communities.get(code);
    if (!c) {
      c = {
        residents: 0,
        registered: 0,
        households: 0,
        male: 0,
        female: 0,
        minors: 0,
        working: 0,
        elderly: 0,
      };
      this.communities.set(code, c);
    }
    return c;
  }

  enrol(schoolCode: string): void {
    this.enrolment.set(schoolCode, (this.enrolment.get(schoolCode) ?? 0) + 1);
  }

  enterprise(districtCode: string, type: string, active: boolean, capital: number): void {
    const key = `${districtCode}|${type}`;
    let c = this.enterprises.get(key);
    if (!c) {
      c = { active: 0, closed: 0, capital: 0 };
      this.enterprises.set(key, c);
    }
    if (active) {
      c.active++;
      c.capital += capital;
    } else c.closed++;
  }
}
