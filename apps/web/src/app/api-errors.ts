import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';

type NamePath = (string | number)[];

/** `body.grants.0.orgId`, `grants[0].orgId` or `username` → antd's name path. */
export const toNamePath = (field: string): NamePath =>
  field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part, index) => part !== '' && !(index === 0 && ['body', 'query', 'params'].includes(part)))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Puts the problem's per-field messages on the form; answers how many it placed. */
export const applyFieldErrors = (err: unknown, form: FormInstance): number => {
  if (!isApiError(err) || !err.problem.errors?.length) return 0;
  const fields = err.problem.errors
    .map((e) => ({ name: toNamePath(e.field), errors: [e.message] }))
    .filter((f) => f.name.length > 0);
  form.setFields(fields);
  return fields.length;
};

/** Shows an API failure: field messages on the form when given, the localised detail as a toast. */
export const useShowError = () => {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(err, form);
      const text = isApiError(err) ? err.problem.detail : t('common.unknownError');
      void message.error(text);
    },
    [message, t],
  );
};
