import type { Area } from '@shuzhi/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One card per district with its street count. */
export const DistrictCards = ({ districts }: { districts: Area[] }) => {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="district-list">
      {districts.map((d) => (
        <Col key={d.code} xs={12} sm={8} md={6} xl={4}>
          <Card size="small">
            <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
              {d.name}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.code}
            </Typography.Text>
            <div style={{ fontSize: 20, fontWeight: 600, color: '#1d5fbf', marginTop: 4 }}>
              {t('home.streets', { count: d.childCount })}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
};
