// The shared sign-in form's words for setting a new password and for a disabled account, merged into
// the message table of each page that shows the form (host console, staff console).

export const LOGIN_MESSAGES = {
  'zh-CN': {
    'login.changeRequired': '这是您第一次登录，或管理员刚为您重置了密码。请设置自己的新密码（至少8个字符），以后用新密码登录。',
    'login.newPass': '新密码（至少8个字符）',
    'login.repeatPass': '再输入一次新密码',
    'login.setAndSignIn': '设置新密码并登录',
    'login.mismatch': '两次输入的新密码不一样，请重新输入。',
    'login.tooShort': '新密码至少要8个字符。',
    'login.disabled': '这个账号已停用，不能登录。如有疑问，请联系管理员。',
  },
  en: {
    'login.changeRequired': 'This is your first sign-in, or an administrator just reset your password. Please set a password of your own (8 characters at least) and use it from now on.',
    'login.newPass': 'New password (8 characters at least)',
    'login.repeatPass': 'New password again',
    'login.setAndSignIn': 'Set the password and sign in',
    'login.mismatch': 'The two new passwords differ. Please type them again.',
    'login.tooShort': 'The new password needs 8 characters at least.',
    'login.disabled': 'This account is disabled and cannot sign in. Please ask an administrator.',
  },
};
