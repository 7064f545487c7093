import { App, type ButtonProps, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { type ElementRow, useDataset } from './catalog-api';
import { useAddBinding } from './conflicts-api';
import { DatasetSelect } from './dataset-select';

type Props = { element: ElementRow | null; onClose: () => void };
type Values = { datasetId: string; valueField: string; keyField: string; valueMap?: string };

/** `20=已婚` per line → { "20": "已婚" }; answers the first bad line's number instead when there is one. */
export const parseValueMap = (text: string | undefined): Record<string, string> | number => {
  const out: Record<string, string> = {};
  const lines = (text ?? '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    const from = line.slice(0, at).trim();
    if (at <= 0 || !from) return i + 1;
    out[from] = line.slice(at + 1).trim();
  }
  return out;
};

/** Declares that another dataset carries the element: its value field and its subject key field. */
export const BindingFormModal = ({ element, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddBinding();
  const showError = useShowError();
  const datasetId = Form.useWatch('datasetId', form);
  const { data: dataset, isFetching } = useDataset(datasetId || undefined);
  const fields = datasetId && dataset?.id === datasetId ? dataset.fields : [];

  useEffect(() => {
    if (element) form.resetFields();
  }, [element, form]);

  // Fields already tagged with the element, and a lone key field, are what the admin would pick.
  useEffect(() => {
    if (!element || !dataset || dataset.id !== datasetId) return;
    const tagged = dataset.fields.find((f) => f.element === element.code);
    const keys = dataset.fields.filter((f) => f.key);
    form.setFieldsValue({
      valueField: tagged?.name,
      keyField: keys.length === 1 ? keys[0]?.name : undefined,
    });
  }, [dataset, datasetId, element, form]);

  const submit = (v: Values) => {
    if (!element) return;
    const valueMap = parseValueMap(v.valueMap);
    if (typeof valueMap === 'number') {
      form.setFields([
        { name: 'valueMap', errors: [t('catalog.elements.valueMapInvalid', { line: valueMap })] },
      ]);
      return;
    }
    add.mutate(
      { code: element.code, body: { ...v, valueMap } },
      {
        onSuccess: () => {
          void message.success(t('catalog.elements.bound'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  const fieldOptions = (list: typeof fields) =>
    list.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }));

  return (
    <Modal
      open={!!element}
      title={t('catalog.elements.bindTitle', { name: element?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'binding-form-submit' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('catalog.elements.bindIntro')}</Typography.Paragraph>
      <Form form={form} name="binding" layout="vertical" onFinish={submit}>
        <Form.Item
          name="datasetId"
          label={t('catalog.elements.bindDataset')}
          rules={[{ required: true, message: t('catalog.elements.bindDatasetRequired') }]}
        >
          <DatasetSelect aria-label={t('catalog.elements.bindDataset')} data-testid="binding-dataset" />
        </Form.Item>
        <Form.Item
          name="valueField"
          label={t('catalog.elements.valueField')}
          rules={[{ required: true, message: t('catalog.elements.valueFieldRequired') }]}
        >
          <Select
            aria-label={t('catalog.elements.valueField')}
            data-testid="binding-value-field"
            virtual={false}
            disabled={!datasetId}
            loading={isFetching}
            placeholder={datasetId ? undefined : t('catalog.elements.fieldPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={fieldOptions(fields)}
          />
        </Form.Item>
        <Form.Item
          name="keyField"
          label={t('catalog.elements.bindKeyField')}
          extra={t('catalog.elements.bindKeyHint')}
          rules={[{ required: true, message: t('catalog.elements.keyFieldRequired') }]}
        >
          <Select
            aria-label={t('catalog.elements.bindKeyField')}
            data-testid="binding-key-field"
            virtual={false}
            disabled={!datasetId}
            loading={isFetching}
            options={fieldOptions(fields.filter((f) => f.key))}
          />
        </Form.Item>
        <Form.Item
          name="valueMap"
          label={t('catalog.elements.valueMap')}
          extra={t('catalog.elements.valueMapHint')}
        >
          <Input.TextArea rows={3} data-testid="binding-value-map" placeholder={'20=已婚\n10=未婚'} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
