"""The login forms (the site's and the admin's): a user name longer than any account's is refused
with a Chinese message before the password is checked.

Django's AuthenticationForm only puts the length on the input (maxlength); the value itself is not
checked, so an over-long name reached django-axes, whose failed-attempt row holds 255 characters:
a 500 instead of the form."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError


class LoginForm(AuthenticationForm):
    def clean(self):
        limit = self.fields["username"].max_length
        if len(self.cleaned_data.get("username") or "") > limit:
            raise ValidationError(f"用户名最多 {limit} 个字符，请检查后重新输入。", code="username_too_long")
        return super().clean()


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    pass
