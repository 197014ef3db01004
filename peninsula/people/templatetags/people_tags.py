from django import template

register = template.Library()


@register.filter
def initials(name: str) -> str:
    """'Jane Park' -> 'JP', 'Lee Min-jun' -> 'LM': first and last name, a hyphenated
    name counting once. For the placeholder of a person without a photo."""
    words = [word for word in str(name).split() if word[:1].isalpha()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()
