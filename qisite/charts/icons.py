def icon_svg(family, code): raise NotImplementedError
