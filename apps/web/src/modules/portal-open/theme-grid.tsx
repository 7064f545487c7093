import type { PortalSummary } from '@shuzhi/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogLabels } from '../catalog/catalog-labels';

const COLORS = ['#1d5fbf', '#2f9e44', '#e8590c', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#862e9c'];

/** Themes with open datasets, each a link to the search filtered by it. */
export const ThemeGrid = ({ themes }: { themes: PortalSummary['themes'] }) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  return (
    <Row gutter={[12, 12]} data-testid="portal-themes">
      {themes.map((x, i) => (
        <Col key={x.theme} xs={12} sm={8} md={6} xl={4}>
          <Link to={`/open/datasets?theme=${x.theme}`} data-testid={`portal-theme-${x.theme}`}>
            <Card
              size="small"
              hoverable
              style={{ borderInlineStart: `4px solid ${COLORS[i % COLORS.length]}`, height: '100%' }}
            >
              <Typography.Text strong style={{ fontSize: 15 }}>
                {labels.theme(x.theme)}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('openPortal.home.themeCount', { count: x.count })}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
};
