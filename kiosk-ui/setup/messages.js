// Every string of the first-start page, Chinese first.

import { ERROR_MESSAGES } from '../common/error-messages.js';

export const MESSAGES = {
  'zh-CN': {
    ...ERROR_MESSAGES['zh-CN'],
    'error.SETUP_CODE_WRONG': '设置码不对。请看服务器启动时日志里打印的设置码（每次启动都会换新的）。',
    'error.SETUP_DONE': '已经有管理员了，请直接登录管理台。',
    'error.RATE_LIMITED': '尝试次数太多，请 10 分钟后再试。',
    'error.BAD_REQUEST': '请检查填写的内容：用户名 2–32 位字母、数字或 . _ -，密码至少 8 位。',
    title: '首次设置：创建管理员',
    intro: '这是一套新安装的系统。请输入服务器日志里的设置码，创建第一个管理员账号。之后用这个账号登录管理台，建立社区、网格、议事室、设备和其他账号。',
    code: '设置码（服务器日志里的 XXXX-XXXX-XXXX）',
    username: '管理员用户名',
    name: '姓名',
    password: '密码（至少 8 位）',
    password2: '再输一遍密码',
    mismatch: '两次输入的密码不一样。',
    submit: '创建管理员',
    done: '管理员已创建。请用刚才的用户名和密码登录管理台。',
    toConsole: '去登录管理台',
    notNeeded: '这套系统已经有管理员了。',
  },
  en: {
    ...ERROR_MESSAGES.en,
    'error.SETUP_CODE_WRONG': 'Wrong setup code. Use the code printed in the server log at its last start.',
    'error.SETUP_DONE': 'An administrator exists already: sign in to the staff console.',
    'error.RATE_LIMITED': 'Too many attempts; try again in 10 minutes.',
    'error.BAD_REQUEST': 'Check the form: a user name of 2–32 letters, digits or . _ -, a password of at least 8 characters.',
    title: 'First start: create the administrator',
    intro: 'This installation is new. Enter the setup code from the server log to create the first administrator, then sign in to the staff console to set up the community, grids, rooms, devices and accounts.',
    code: 'Setup code (XXXX-XXXX-XXXX, from the server log)',
    username: 'Administrator user name',
    name: 'Name',
    password: 'Password (8 characters or more)',
    password2: 'Password again',
    mismatch: 'The two passwords differ.',
    submit: 'Create administrator',
    done: 'The administrator exists. Sign in to the staff console with that user name and password.',
    toConsole: 'Go to the staff console',
    notNeeded: 'This installation has an administrator already.',
  },
};
