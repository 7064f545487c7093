import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DatasetField } from '@shuzhi/contracts';
import { Button, Checkbox, Col, Form, Grid, Input, Row, Select, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDataElements } from './catalog-api';
import { useCatalogLabels } from './catalog-labels';

export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;

type FieldRow = Partial<DatasetField> | undefined;

/**
 * Column widths on wide screens: name, title, type, unit, sensitivity, personal type, key, indexed,
 * element, buttons.
 */
const spans = [3, 3, 3, 2, 2, 3, 1, 2, 3, 2];
const headers: ParseKeys[] = [
  'catalog.field.name',
  'catalog.field.title',
  'catalog.field.type',
  'catalog.field.unit',
  'catalog.field.sensitivity',
  'catalog.field.personalType',
  'catalog.field.key',
  'catalog.field.indexed',
  'catalog.field.element',
];

/**
 * The `fields` list of the dataset form: add, remove and reorder rows.
 * Inputs carry test ids field-name-N, field-title-N, field-type-N, field-unit-N,
 * field-sensitivity-N, field-personal-type-N, field-key-N, field-indexed-N, field-element-N; buttons
 * field-up-N, field-down-N, field-remove-N.
 */
export const FieldsEditor = () => {
  const { t } = useTranslation();
  const { options } = useCatalogLabels();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const { data: elements } = useDataElements();
  const elementOptions = (elements ?? []).map((e) => ({ value: e.code, label: `${e.code} · ${e.name}` }));
  const validate = async (_: unknown, rows?: FieldRow[]) => {
    if (!rows || rows.length === 0) throw new Error(t('catalog.field.atLeastOne'));
    const names = rows.map((r) => r?.name).filter((n): n is string => !!n);
    const dupes = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    if (dupes.length) throw new Error(t('catalog.field.duplicate', { names: dupes.join(', ') }));
    if (!rows.some((r) => r?.key)) throw new Error(t('catalog.field.needKey'));
  };
  return (
    <Form.List name="fields" rules={[{ validator: validate }]}>
      {(fields, { add, remove, move }, { errors }) => (
        <div data-testid="fields-editor">
          {wide && fields.length > 0 && (
            <Row gutter={8} style={{ marginBottom: 4 }} aria-hidden>
              {headers.map((key, i) => (
                <Col key={key} span={spans[i]}>
                  <Typography.Text strong>{t(key)}</Typography.Text>
                </Col>
              ))}
            </Row>
          )}
          {fields.map((field, index) => {
            const n = index + 1;
            const aria = (key: ParseKeys) => t('catalog.field.rowLabel', { n, what: t(key) });
            const item = (key: ParseKeys) => ({
              label: wide ? undefined : t(key),
              style: { marginBottom: 8 },
            });
            return (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                data-testid={`field-row-${index}`}
                style={wide ? undefined : { borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}
              >
                <Col xs={24} sm={12} lg={spans[0]}>
                  <Form.Item
                    {...item('catalog.field.name')}
                    name={[field.name, 'name']}
                    rules={[{ required: true, pattern: FIELD_NAME, message: t('catalog.field.nameRule') }]}
                  >
                    <Input
                      aria-label={aria('catalog.field.name')}
                      maxLength={63}
                      style={{ fontFamily: 'monospace' }}
                      data-testid={`field-name-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={spans[1]}>
                  <Form.Item
                    {...item('catalog.field.title')}
                    name={[field.name, 'title']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 60,
                        message: t('catalog.field.titleRequired'),
                      },
                    ]}
                  >
                    <Input
                      aria-label={aria('catalog.field.title')}
                      maxLength={60}
                      data-testid={`field-title-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8} lg={spans[2]}>
                  <Form.Item
                    {...item('catalog.field.type')}
                    name={[field.name, 'type']}
                    rules={[{ required: true, message: t('catalog.field.typeRequired') }]}
                  >
                    <Select
                      aria-label={aria('catalog.field.type')}
                      options={options.fieldType}
                      virtual={false}
                      data-testid={`field-type-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={4} lg={spans[3]}>
                  <Form.Item
                    {...item('catalog.field.unit')}
                    name={[field.name, 'unit']}
                    rules={[{ max: 20, message: t('catalog.field.unitMax') }]}
                  >
                    <Input
                      aria-label={aria('catalog.field.unit')}
                      maxLength={20}
                      data-testid={`field-unit-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} lg={spans[4]}>
                  <Form.Item {...item('catalog.field.sensitivity')} name={[field.name, 'sensitivity']}>
                    <Select
                      aria-label={aria('catalog.field.sensitivity')}
                      options={options.sensitivity}
                      virtual={false}
                      data-testid={`field-sensitivity-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} lg={spans[5]}>
                  <Form.Item
                    {...item('catalog.field.personalType')}
                    name={[field.name, 'personalType']}
                    tooltip={t('catalog.field.personalTypeHelp')}
                  >
                    <Select
                      aria-label={aria('catalog.field.personalType')}
                      allowClear
                      placeholder={t('catalog.field.personalTypeNone')}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={options.personalType}
                      virtual={false}
                      data-testid={`field-personal-type-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} lg={spans[6]}>
                  <Form.Item
                    {...item('catalog.field.key')}
                    name={[field.name, 'key']}
                    valuePropName="checked"
                  >
                    <Checkbox aria-label={aria('catalog.field.key')} data-testid={`field-key-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} lg={spans[7]}>
                  <Form.Item
                    {...item('catalog.field.indexed')}
                    name={[field.name, 'indexed']}
                    valuePropName="checked"
                    tooltip={t('catalog.field.indexedHelp')}
                  >
                    <Checkbox
                      aria-label={aria('catalog.field.indexed')}
                      data-testid={`field-indexed-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={spans[8]}>
                  <Form.Item {...item('catalog.field.element')} name={[field.name, 'element']}>
                    <Select
                      aria-label={aria('catalog.field.element')}
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      virtual={false}
                      options={elementOptions}
                      data-testid={`field-element-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={spans[9]} style={{ whiteSpace: 'nowrap' }}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined aria-hidden />}
                    aria-label={t('catalog.field.up', { n })}
                    disabled={index === 0}
                    data-testid={`field-up-${index}`}
                    onClick={() => move(index, index - 1)}
                  />
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined aria-hidden />}
                    aria-label={t('catalog.field.down', { n })}
                    disabled={index === fields.length - 1}
                    data-testid={`field-down-${index}`}
                    onClick={() => move(index, index + 1)}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('catalog.field.remove', { n })}
                    data-testid={`field-remove-${index}`}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined aria-hidden />}
            data-testid="field-add"
            style={{ marginTop: 8 }}
            onClick={() => add({ type: 'string', sensitivity: 'none', key: false })}
          >
            {t('catalog.field.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
};
