import {
  ApiOutlined,
  BankOutlined,
  DatabaseOutlined,
  DownloadOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { PortalSummary } from '@shuzhi/contracts';
import { Card, Flex, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { formatCompact, formatCount } from './numbers';

type Tile = 'datasets' | 'apis' | 'records' | 'organizations' | 'downloads';
const ICONS: Record<Tile, ReactNode> = {
  datasets: <DatabaseOutlined aria-hidden />,
  apis: <ApiOutlined aria-hidden />,
  records: <TableOutlined aria-hidden />,
  organizations: <BankOutlined aria-hidden />,
  downloads: <DownloadOutlined aria-hidden />,
};

/** The five headline figures of the open-data platform; the datasets by open type under the first. */
export const Figures = ({ summary }: { summary: PortalSummary }) => {
  const { t } = useTranslation();
  const keys = Object.keys(ICONS) as Tile[];
  const f = summary.figures;
  return (
    <div>
      <Flex gap={12} wrap data-testid="portal-figures">
        {keys.map((k) => (
          <div key={k} style={{ flex: '1 1 160px' }}>
            <Card size="small" data-testid={`portal-figure-${k}`}>
              <Statistic
                title={t(`openPortal.home.figures.${k}`)}
                prefix={ICONS[k]}
                value={formatCompact(summary.figures[k])}
              />
              {k === 'datasets' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="portal-figure-split">
                  {t('openPortal.home.figures.split', {
                    unconditional: formatCount(f.unconditional),
                    conditional: formatCount(f.conditional),
                  })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="sz-hide-narrow">
                  {f[k] >= 10_000 ? formatCount(f[k]) : '\u00a0'}
                </Typography.Text>
              )}
            </Card>
          </div>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('openPortal.home.countedAt', { at: formatDateTime(summary.countedAt) })}
      </Typography.Text>
    </div>
  );
};
