"""The screen sizes the browser tests use: 320 px is the narrowest that WCAG 1.4.10 (reflow)
asks to work without scrolling sideways."""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 320, "height": 640}
