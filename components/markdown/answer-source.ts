'use client';

import { createContext, useContext } from 'react';

/**
 * Reads the whole answer a code block belongs to (its CSS and JS blocks go into an HTML
 * fragment's preview). A getter, so that streaming tokens do not re-render finished blocks.
 */
export const AnswerSourceContext = createContext<() => string>(() => '');

export const useAnswerSource = () => useContext(AnswerSourceContext);
