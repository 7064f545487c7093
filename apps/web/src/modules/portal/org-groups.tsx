import { type Org, OrgType } from '@shuzhi/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Organisations grouped by type: platform, departments, district governments, street offices. */
export const OrgGroups = ({ orgs }: { orgs: Org[] }) => {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Row gutter={[12, 12]} data-testid="org-groups">
      {OrgType.options.map((type) => {
        const members = orgs.filter((o) => o.type === type);
        if (members.length === 0) return null;
        return (
          <Col key={type} xs={24} md={12} xl={6}>
            <Card
              size="small"
              title={
                <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                  {t(`orgTypes.${type}`)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
                    {t('home.orgsCount', { count: members.length })}
                  </Typography.Text>
                </Typography.Title>
              }
              styles={{ body: { maxHeight: 320, overflow: 'auto' } }}
            >
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {members.map((org) => (
                  <li key={org.id}>
                    {en && org.nameEn ? org.nameEn : org.name}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {org.areaName}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
};
