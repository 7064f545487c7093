import type { CalendarDay } from '@shuzhi/contracts';
import { App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDeleteCalendarDay, usePutCalendarDay } from './calendar-api';
import { dayKind, weekdayIndex, weekdayKey } from './calendar-days';

type Values = { kind: 'holiday' | 'workday'; name: string; reason: string };

/**
 * The admin's editor of one day: make it a holiday or (on a weekend) a make-up working day, or return
 * it to the ordinary week. Every change carries a reason, which the server writes to the ledger.
 */
export const CalendarDayModal = ({
  date,
  entry,
  onClose,
}: {
  /** The day being edited; null when the modal is closed. */
  date: string | null;
  entry: CalendarDay | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const put = usePutCalendarDay();
  const remove = useDeleteCalendarDay();
  const showError = useShowError();
  const weekend = date !== null && weekdayIndex(date) >= 5;

  useEffect(() => {
    if (!date) return;
    form.resetFields();
    form.setFieldsValue({
      kind: entry?.kind ?? (weekend ? 'workday' : 'holiday'),
      name: entry?.name ?? '',
      reason: '',
    });
  }, [date, entry, weekend, form]);

  if (!date) return null;
  const weekday = t(`quality.calendar.weekdayNames.${weekdayKey(date)}`);
  const kindNow = t(`quality.calendar.kinds.${dayKind(date, entry)}`);

  const save = (v: Values) =>
    put.mutate(
      { date, body: { kind: v.kind, name: v.name.trim(), reason: v.reason.trim() } },
      {
        onSuccess: () => {
          const kind = t(`quality.calendar.kinds.${v.kind === 'holiday' ? 'holiday' : 'makeup'}`);
          void message.success(t('quality.calendar.saved', { date, kind }));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  const restore = async () => {
    const { reason } = await form.validateFields(['reason']);
    remove.mutate(
      { date, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('quality.calendar.removed', { date }));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('quality.calendar.dayTitle', { date, weekday })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        entry && (
          <Button
            key="remove"
            danger
            loading={remove.isPending}
            onClick={() => void restore().catch(() => {})}
            data-testid="calendar-day-remove"
          >
            {t('quality.calendar.remove')}
          </Button>
        ),
        <Button
          key="save"
          type="primary"
          loading={put.isPending}
          onClick={() => form.submit()}
          data-testid="calendar-day-save"
        >
          {t('quality.calendar.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" data-testid="calendar-day-now">
        {t('quality.calendar.now', { kind: kindNow })}
        {entry ? ` · ${entry.name}` : ''}
      </Typography.Paragraph>
      <Form form={form} name="calendar-day" layout="vertical" onFinish={save}>
        <Form.Item
          name="kind"
          label={t('quality.calendar.setAs')}
          extra={weekend ? undefined : t('quality.calendar.makeupWeekendOnly')}
        >
          <Radio.Group
            options={[
              { value: 'holiday', label: t('quality.calendar.setHoliday') },
              {
                value: 'workday',
                label: t('quality.calendar.setMakeup'),
                disabled: !weekend,
              },
            ]}
            data-testid="calendar-day-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('quality.calendar.nameLabel')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('quality.calendar.nameRequired') }]}
        >
          <Input
            maxLength={40}
            placeholder={t('quality.calendar.namePlaceholder')}
            data-testid="calendar-day-name"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('quality.calendar.reason')}
          required
          rules={[
            {
              validator: (_, v: string | undefined) =>
                (v ?? '').trim().length >= 2 && (v ?? '').trim().length <= 200
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('quality.calendar.reasonRequired'))),
            },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('quality.calendar.reasonPlaceholder')}
            data-testid="calendar-day-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
