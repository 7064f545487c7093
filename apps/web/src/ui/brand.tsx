import { Link } from 'react-router';

/** The 数智 Shuzhi word mark; links home. */
export const Brand = ({ to = '/', dark }: { to?: string; dark?: boolean }) => (
  <Link
    to={to}
    style={{
      display: 'inline-flex',
      alignItems: 'baseline',
      gap: 6,
      color: dark ? '#fff' : '#1d5fbf',
      fontWeight: 700,
      fontSize: 20,
      whiteSpace: 'nowrap',
      textDecoration: 'none',
    }}
  >
    <span lang="zh-CN">数智</span>
    <span lang="en" style={{ fontSize: 14, fontWeight: 500, opacity: 0.85 }}>
      Shuzhi
    </span>
  </Link>
);
