import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AreaSelect } from '../areas/area-select';
import { useRoleOptions } from '../auth/roles';
import { OrgSelect } from '../orgs/org-select';

type Props = {
  /** Organisation names already known for ids in the grants (edit mode). */
  knownOrgs?: Record<string, string>;
};

/**
 * The `grants` list of the user form: one row per (organisation, role, optional area).
 * Rows carry test ids grant-org-N, grant-role-N, grant-area-N.
 */
export const GrantsEditor = ({ knownOrgs }: Props) => {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, grants?: unknown[]) => {
            if (!grants || grants.length === 0) throw new Error(t('users.grantsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('users.grants')}</legend>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                data-testid={`grant-row-${index}`}
              >
                <Row gutter={8} align="top">
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'orgId']}
                      label={t('users.grantOrg')}
                      rules={[{ required: true, message: t('users.orgRequired') }]}
                    >
                      <OrgSelect
                        data-testid={`grant-org-${index}`}
                        aria-label={t('users.grantOrgRow', { n })}
                        knownLabels={knownOrgs}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={10}>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={t('users.grantRole')}
                      rules={[{ required: true, message: t('users.roleRequired') }]}
                    >
                      <Select
                        data-testid={`grant-role-${index}`}
                        aria-label={t('users.grantRoleRow', { n })}
                        options={roleOptions}
                        virtual={false}
                        placeholder={t('users.grantRole')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2} style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('users.grantRemoveRow', { n })}
                      data-testid={`grant-remove-${index}`}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, 'areaCode']}
                      label={t('users.grantArea')}
                      style={{ marginBottom: 0 }}
                    >
                      <AreaSelect
                        allowClear
                        data-testid={`grant-area-${index}`}
                        aria-label={t('users.grantAreaRow', { n })}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined aria-hidden />}
            data-testid="grant-add"
            onClick={() => add({ role: undefined, orgId: undefined })}
          >
            {t('users.grantAdd')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
};
