# frozen_string_literal: true

module Hyoka
  # Version of this gem (the binding); the library's is Hyoka.library_version_string.
  VERSION = '1.1.0'
end
