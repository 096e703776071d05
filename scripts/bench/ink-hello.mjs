// The floor for the dashboard's first frame: the smallest Ink app, with the project's own ink
// and react, started the way radar is (a TTY on both ends). It draws "Hello" and waits for q,
// so the bench times it exactly like the dashboard. No JSX, so it runs without a build step.
import React from 'react';
import { render, Text, useApp, useInput } from 'ink';

function Hello() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return React.createElement(Text, null, 'Hello');
}

render(React.createElement(Hello));
